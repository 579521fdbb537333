// The subset of ua-parser-js 1.x (MIT) that the user-agent functions use; the package ships no types.
declare module "ua-parser-js" {
  interface UAResult {
    browser: { name?: string; version?: string; major?: string };
    os: { name?: string; version?: string };
    device: { type?: string; vendor?: string; model?: string };
  }
  export class UAParser {
    constructor(ua?: string);
    getResult(): UAResult;
  }
}
