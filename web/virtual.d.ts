declare module 'virtual:python-worker-source' {
  /** web/python-worker-main.ts bundled into one classic script (vite.config.ts), for a `blob:` worker. */
  const source: string;
  export default source;
}
