// Preloaded into the Next.js server by npm start (NODE_OPTIONS=--require). Next only sets
// X-Forwarded-For when a request lacks it, so a client could forge its own address and dodge the
// per-IP sign-in throttle. Unless TRUST_PROXY says a trusted proxy sets it, replace the header with
// the socket's address before Next sees the request.
const http = require("node:http");
const trustProxy = !["", "0", "false", "off", "no"].includes(String(process.env.TRUST_PROXY ?? "").toLowerCase());
if (!trustProxy) {
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req) {
    if (event === "request" && req && req.headers) {
      req.headers["x-forwarded-for"] = (req.socket && req.socket.remoteAddress) || "unknown";
    }
    return emit.apply(this, arguments);
  };
}
