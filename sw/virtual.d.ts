declare module 'virtual:app-shell' {
  /** The built app's files (empty in dev) and a version that changes with them. */
  const shell: { readonly urls: readonly string[]; readonly version: string };
  export default shell;
}
