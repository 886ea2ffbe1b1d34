// udp-echo server (Node.js 20): node udp_echo.js PORT   -- sends every datagram back as it came
const dgram = require('dgram');

const port = parseInt(process.argv[2]);
const server = dgram.createSocket('udp4');

server.on('message', (msg, rinfo) => {
  console.log(`got ${msg.length} bytes from ${rinfo.address}:${rinfo.port}: ${msg}`);
  server.send(msg, rinfo.port, rinfo.address);
});

server.on('error', (err) => {
  console.log('server error: ' + err.message);
  server.close();
});

server.bind(port, () => {
  console.log('listening on ' + port);
});
