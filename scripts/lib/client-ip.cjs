// Preloaded into the Next.js server by npm start and the Docker image (NODE_OPTIONS=--require): it
// sees every request before Next does.
// - Next only sets X-Forwarded-For when a request lacks it, so a client could forge its own address
//   and dodge the per-IP sign-in throttle. Unless TRUST_PROXY says a trusted proxy sets it, replace
//   the header with the socket's address.
// - A path whose percent-escapes do not decode (%FF, %C0%80, a cut-off %E0%A4, a bare %) made Next
//   answer 500 while matching a dynamic route ([id], [...nextauth]): answer 400 instead (found by
//   e2e/security/fuzz-routes.spec.ts).
const http = require("node:http");
const trustProxy = !["", "0", "false", "off", "no"].includes(String(process.env.TRUST_PROXY ?? "").toLowerCase());

function undecodablePath(url) {
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  if (!path.includes("%")) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (...args) {
  const [event, req, res] = args;
  if (event === "request" && req && req.headers) {
    if (!trustProxy) req.headers["x-forwarded-for"] = req.socket?.remoteAddress || "unknown";
    if (typeof req.url === "string" && undecodablePath(req.url) && res && typeof res.writeHead === "function") {
      res.writeHead(400, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      res.end(JSON.stringify({ error: { code: "invalid_url", message: "The URL path has a percent-escape that is not valid UTF-8." } }));
      return true;
    }
  }
  return emit.apply(this, args);
};
