// tcp-upper server (Node.js 20): node tcp_upper_server.js PORT   -- replies with what it got, upper-cased
const net = require('net');

const port = parseInt(process.argv[2]);

const server = net.createServer((socket) => {
  console.log('client connected from ' + socket.remoteAddress);
  socket.on('data', (data) => {
    const sentence = data.toString();
    console.log('received: ' + sentence);
    socket.write(sentence.toUpperCase());
  });
  socket.on('end', () => console.log('client disconnected'));
  socket.on('error', (err) => console.log('socket error: ' + err.message));
});

server.listen(port, () => {
  console.log('listening on ' + port);
});
