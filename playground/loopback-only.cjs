// Preloaded into Microsoft 365 Agents Playground (node -r): the tool listens on every interface
// and has no option for the address, so any listen() without a host is kept on 127.0.0.1.
'use strict';
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
    if (args[1] === undefined || args[1] === null) args[1] = '127.0.0.1';
    else if (typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  } else if (args[0] !== null && typeof args[0] === 'object' && !('path' in args[0]) && !('fd' in args[0]) && !('handle' in args[0])) {
    args[0] = { ...args[0], host: args[0].host ?? '127.0.0.1' };
  }
  return listen.apply(this, args);
};
