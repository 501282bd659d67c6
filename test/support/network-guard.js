// Preloaded with `node --require` by test/browser/no-network.test.ts: any attempt to reach the network
// throws and leaves a marker on stderr, so a test can prove a command never tried.
"use strict";
const marker = (what) => {
  process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
  throw new Error(`network access is forbidden (${what})`);
};
const net = require("node:net");
const dns = require("node:dns");
const http = require("node:http");
const https = require("node:https");
net.connect = net.createConnection = () => marker("net.connect");
net.Socket.prototype.connect = () => marker("socket.connect");
dns.lookup = () => marker("dns.lookup");
dns.resolve = () => marker("dns.resolve");
http.request = http.get = () => marker("http.request");
https.request = https.get = () => marker("https.request");
globalThis.fetch = () => marker("fetch");
