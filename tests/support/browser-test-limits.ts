// Loaded before each browser test file (jest.config.js): the limits for a test that drives whole pages.
// - 90 s each: three themes with axe and screenshots take that long on 2 busy cores. A file may still set its own.
// - One retry, with the first failure printed: on a shared 2-core machine a page can stall past a wait now and then
//   (about one run in seventy of the themes test did, never reproduced alone). A test that fails twice fails the run,
//   and the printed first failure keeps a real intermittent bug in sight rather than hidden.
jest.setTimeout(90_000);
jest.retryTimes(1, { logErrorsBeforeRetry: true });
