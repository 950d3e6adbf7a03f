// Keeps one Chromium for a watch session, started with fonts that cover the edition's text.
import type { Browser } from 'puppeteer-core';
import { prepareFonts } from '../fonts/prepare.ts';
import { covers, fontCharSet } from '../fonts/charset.ts';
import { launchBrowser } from '../paginate/browser.ts';
import { closeBrowser } from '../paginate/lost.ts';

export class BrowserKeeper {
  browser: Browser | undefined;
  private fonts = { file: '', chars: '' };

  constructor(
    private readonly timeoutMs: number,
    private readonly signal: AbortSignal,
    /** Called when the browser goes away without close() (crash, killed process). */
    private readonly onLost: () => void,
  ) {}

  /**
   * Makes sure a browser is running whose fonts cover `text`. New characters can need a new font
   * subset, which Chromium only sees at start; returns true when the browser was (re)started.
   */
  async ensure(text: string): Promise<boolean> {
    const chars = fontCharSet(text);
    let restart = !this.browser?.isConnected();
    if (!this.fonts.file || !covers(this.fonts.chars, chars)) {
      const fonts = await prepareFonts({ chars: text, signal: this.signal });
      restart ||= fonts.fontconfigFile !== this.fonts.file;
      this.fonts = { file: fonts.fontconfigFile, chars };
    }
    if (!restart) return false;
    await this.close();
    // The signal makes launchBrowser leave Ctrl-C to us (Puppeteer's handler would exit with 130).
    const browser = await launchBrowser({
      fontconfigFile: this.fonts.file,
      timeoutMs: this.timeoutMs,
      signal: this.signal,
    });
    browser.once('disconnected', () => {
      if (this.browser !== browser) return;
      this.browser = undefined;
      this.onLost();
    });
    this.browser = browser;
    return true;
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    await closeBrowser(b);
  }
}
