/** Expected authorization failures; their messages are safe to show. */
export class UnauthorizedError extends Error {
  readonly status = 401;
  constructor(message = "Sign in to continue.") {
    super(message);
  }
}

export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message = "Your role does not allow this.") {
    super(message);
  }
}
