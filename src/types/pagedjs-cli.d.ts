// pagedjs-cli ships no types; this covers the part of its Printer that Folio uses.
declare module 'pagedjs-cli' {
  import type { EventEmitter } from 'node:events';
  interface PrinterOptions {
    browserEndpoint?: string;
    closeAfter?: boolean;
    timeout?: number;
    additionalScripts?: string[];
  }
  export default class Printer extends EventEmitter {
    constructor(options?: PrinterOptions);
    render(input: string | { html: string; url?: string }): Promise<unknown>;
    close(): Promise<void>;
  }
}
