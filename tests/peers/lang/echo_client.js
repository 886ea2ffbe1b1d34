// tcp-echo client (Node.js 20): node echo_client.js HOST PORT   -- asks one message, prints its echo, exits
const net = require('net');
const readline = require('readline');

const host = process.argv[2];
const port = parseInt(process.argv[3]);
const rl = readline.createInterface({ input: process.stdin, output: process.stdout });

rl.question('Enter a message: ', (message) => {
  rl.close();
  const client = net.createConnection({ host: host, port: port }, () => {
    client.write(message);
  });
  client.on('data', (data) => {
    console.log('Echo from server: ' + data.toString());
    client.end();
  });
  client.on('close', () => process.exit(0)); // stdin is still open: leave anyway
  client.on('error', (err) => {
    console.log('Could not talk to the server: ' + err.message);
    process.exit(1);
  });
});
