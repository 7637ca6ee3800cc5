// The one place a request's transport is decoded: its path, its content encoding and charset, and
// its JSON body. Anything malformed is answered here with a 4xx before any route sees it, so no
// route, service or database driver ever meets bytes it cannot handle.
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { errorBody } from './errors';

/** Deeper than any form we accept, shallow enough that no recursive code downstream can overflow. */
export const MAX_JSON_DEPTH = 64;

/** What body-parser can decompress; anything else (or a list of encodings) is refused. */
const READABLE_ENCODINGS = new Set(['identity', 'gzip', 'deflate', 'br']);
const READABLE_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NOT_UNICODE = 'The request body contains text that is not valid Unicode (a lone surrogate).';

/** Every path segment must %-decode to text: Express and static serving would otherwise throw. */
export const wellFormedPath: RequestHandler = (req, res, next) => {
  for (const segment of req.path.split('/')) {
    try {
      decodeURIComponent(segment);
    } catch {
      res.status(400).json(errorBody('BAD_REQUEST', 'The address has a malformed %-encoded part.'));
      return;
    }
  }
  next();
};

const knownEncodingAndCharset: RequestHandler = (req, res, next) => {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (!READABLE_ENCODINGS.has(encoding)) {
    res
      .status(415)
      .json(
        errorBody(
          'UNSUPPORTED_MEDIA_TYPE',
          'The request body is compressed in a way this service does not read (use gzip, deflate or br).',
        ),
      );
    return;
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && !READABLE_CHARSETS.has(charset)) {
    res.status(415).json(errorBody('UNSUPPORTED_MEDIA_TYPE', 'The request body must be sent as UTF-8.'));
    return;
  }
  next();
};

/** body-parser's own refusals (too large, corrupt compression, broken JSON) as our error bodies. */
const bodyReadFailure =
  (tooLarge: string): ErrorRequestHandler =>
  (error: { type?: unknown; status?: unknown }, _req, res, next) => {
    if (error.type === 'entity.too.large') {
      res.status(413).json(errorBody('PAYLOAD_TOO_LARGE', tooLarge));
    } else if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
      res.status(415).json(errorBody('UNSUPPORTED_MEDIA_TYPE', 'The request body is encoded in a way this service does not read.'));
    } else if (error.type === 'entity.parse.failed') {
      res.status(400).json(errorBody('BAD_REQUEST', 'The request body is not valid JSON.'));
    } else if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      res.status(400).json(errorBody('BAD_REQUEST', 'The request body could not be read (is its compression intact?).'));
    } else {
      next(error);
    }
  };

/**
 * Why a parsed JSON value cannot be accepted, or null. Walks with its own stack rather than
 * recursion, so a body nested a million levels deep costs a loop, not the call stack.
 */
export function jsonValueProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): string | null {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (typeof current === 'string') {
      if (LONE_SURROGATE.test(current)) return NOT_UNICODE;
    } else if (current !== null && typeof current === 'object') {
      if (depth >= maxDepth) return `The request body is nested more than ${maxDepth} levels deep.`;
      for (const [key, child] of Object.entries(current)) {
        if (LONE_SURROGATE.test(key)) return NOT_UNICODE;
        pending.push({ value: child, depth: depth + 1 });
      }
    }
  }
  return null;
}

const wellFormedJsonBody: RequestHandler = (req, res, next) => {
  const problem = req.body === undefined ? null : jsonValueProblem(req.body);
  if (problem) {
    res.status(400).json(errorBody('BAD_REQUEST', problem));
    return;
  }
  next();
};

/** The body decoding chain, mounted once in front of every route including the bot endpoint. */
/** `tooLarge` says what to do about a body over the limit, in the words of the route that has one. */
export function decodeRequestBody(options: { limit: string; tooLarge?: string }): Array<RequestHandler | ErrorRequestHandler> {
  const tooLarge = options.tooLarge ?? 'The request body is too large.';
  return [knownEncodingAndCharset, express.json({ limit: options.limit }), bodyReadFailure(tooLarge), wellFormedJsonBody];
}
