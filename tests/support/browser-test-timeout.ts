// Loaded before each browser test file (jest.config.js): one time limit for a test that drives whole
// pages. A file may still set its own.
jest.setTimeout(90_000);
