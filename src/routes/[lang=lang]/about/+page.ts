// HTML first: works whole without JavaScript and is not hydrated ($lib/islands/html-first).
export const csr = false;
