/**
 * What stands for the client's address (`client_address[0]`) in log lines and, for CGI,
 * `REMOTE_ADDR`. Every request a Service Worker sees comes from a page of this browser on this
 * machine: `python3 -m http.server` would log such a client, on the machine itself, as `127.0.0.1`.
 * There is no socket to ask, and no better truth to tell.
 */
export const CLIENT_ADDRESS = '127.0.0.1';
