// Puppeteer's own Chrome download cannot work here; Folio drives the system Chromium.
module.exports = { skipDownload: true };
