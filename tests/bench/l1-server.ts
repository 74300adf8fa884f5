// L1 floor: a node:http server that answers every request with one saved response body (B1's exact bytes).
// Run as a child process pinned to the server's CPU: tsx tests/bench/l1-server.ts <file> <port>
import fs from "node:fs";
import http from "node:http";

const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error("usage: l1-server.ts <file> <port>");
const body = fs.readFileSync(file);
http
  .createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
    res.end(body);
  })
  .listen(Number(port), "127.0.0.1", () => console.log("listening"));
