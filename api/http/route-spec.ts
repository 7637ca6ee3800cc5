// Every authenticated REST route is declared once as a RouteSpec: method, path, the role gate, zod
// schemas for its input and its answer, and a handler that calls one service function. From the same list come the
// Express routes, the OpenAPI document (/api/openapi.json) and the tests that walk every route
// (access matrix, fuzz): a route cannot exist without being described and tested.
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { forbidden } from '../services/errors';
import type { ServiceContext } from '../services/context';
import { mayUse, type Capability } from '../domain/access/policy';
import { serviceContext } from './identity';
import { errorAnswer } from './responses/wire';
import { parseId, parseWith } from './validate';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A reply that is not JSON: a CSV or a document download. */
export interface FileReply {
  contentType: string;
  filename: string;
  data: string | Buffer;
}

export interface RouteReply<Json = unknown> {
  status?: number;
  json?: Json;
  file?: FileReply;
}

export interface RouteInput<Query, Body> {
  /** Path parameters, each already checked to be a well-formed id (lower-case uuid). */
  params: Record<string, string>;
  query: Query;
  body: Body;
  ctx: ServiceContext;
  req: Request;
  res: Response;
}

export interface RouteSpec<
  QuerySchema extends z.ZodType = z.ZodType,
  BodySchema extends z.ZodType = z.ZodType,
  ResponseSchema extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** Express path under /api, e.g. "/referrals/:referralId". */
  path: string;
  /** One line for the OpenAPI document. */
  summary: string;
  /** OpenAPI tag: the slice the route belongs to (Referrals, Actions, Meetings...). */
  tag: string;
  /**
   * The role gate, checked before anything is read. Need-to-know (which case, whose action) is then
   * the service's job. null: any signed-in member.
   */
  capability: Capability | null;
  /** Path parameter name → the noun used in "There is no <noun> with that id". All are uuids. */
  params?: Record<string, string>;
  query?: QuerySchema;
  body?: BodySchema;
  /**
   * The JSON answer's shape, published in OpenAPI and the source of the tab's types. The handler must
   * return its output side (Dates as Dates); the wire carries its input side (Dates as ISO strings).
   */
  response?: ResponseSchema;
  /** Non-JSON content type the route answers with (documented in OpenAPI), e.g. "text/csv". */
  produces?: string;
  handle(input: RouteInput<z.output<QuerySchema>, z.output<BodySchema>>): Promise<RouteReply<z.output<ResponseSchema>>>;
}

/**
 * Keeps the schemas' types flowing into the handler while the list holds plain RouteSpecs. Without a
 * response schema the handler's json must be undefined: a JSON answer cannot go undescribed.
 */
export function defineRoute<
  QuerySchema extends z.ZodType = z.ZodUndefined,
  BodySchema extends z.ZodType = z.ZodUndefined,
  ResponseSchema extends z.ZodType = z.ZodUndefined,
>(spec: RouteSpec<QuerySchema, BodySchema, ResponseSchema>): RouteSpec {
  return spec as unknown as RouteSpec;
}

export interface MountOptions {
  /**
   * Checks every JSON answer against the route's published schema and fails the request (500) when it
   * differs. On under test, so every integration test also checks the contract; off in production,
   * where the type check already holds the handlers to their schemas.
   */
  checkAnswers?: boolean;
}

export function mountRoutes(router: Router, routes: readonly RouteSpec[], options: MountOptions = {}): void {
  for (const route of routes) {
    router[route.method](route.path, async (req, res) => {
      const ctx = serviceContext(res);
      if (route.capability && !mayUse(ctx.actor, route.capability)) throw forbidden(describeCapability(route));
      const params: Record<string, string> = {};
      for (const [name, noun] of Object.entries(route.params ?? {})) params[name] = parseId(req.params[name], noun);
      const query = route.query ? parseWith(route.query, { ...(req.query as object) }, 'query') : undefined;
      const body = route.body ? parseWith(route.body, req.body ?? {}) : undefined;
      const reply = await route.handle({ params, query, body, ctx, req, res });
      if (res.headersSent) return;
      if (reply.file) {
        res
          .status(reply.status ?? 200)
          // attachment() guesses a type from the file name; the route's own type must win.
          .attachment(reply.file.filename)
          .type(reply.file.contentType)
          .setHeader('Cache-Control', 'no-store');
        res.send(reply.file.data);
        return;
      }
      if (reply.json === undefined) {
        res.status(reply.status ?? 204).end();
        return;
      }
      if (options.checkAnswers) checkAnswer(route, reply.json);
      res.status(reply.status ?? 200).json(reply.json);
    });
  }
}

function checkAnswer(route: RouteSpec, json: unknown): void {
  const wire: unknown = JSON.parse(JSON.stringify(json));
  const result = (route.response ?? z.undefined()).safeParse(wire);
  if (result.success) return;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');
  throw new Error(`${route.method.toUpperCase()} /api${route.path} answered outside its published schema: ${problems}`);
}

function describeCapability(route: RouteSpec): string {
  return route.summary.charAt(0).toLowerCase() + route.summary.slice(1).replace(/\.$/, '');
}

/** The OpenAPI 3.1 document for the given routes; schemas come from the same zod schemas that validate. */
export function openApiDocument(routes: readonly RouteSpec[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const openApiPath = `/api${route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
    const parameters: unknown[] = Object.keys(route.params ?? {}).map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string', format: 'uuid' },
    }));
    if (route.query) {
      const querySchema = jsonSchemaOf(route.query) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(querySchema.properties ?? {})) {
        parameters.push({ name, in: 'query', required: querySchema.required?.includes(name) ?? false, schema });
      }
    }
    const responses: Record<string, unknown> = {
      [route.method === 'post' ? '201' : '200']: route.produces
        ? { description: 'OK', content: { [route.produces]: {} } }
        : { description: 'OK', content: { 'application/json': { schema: jsonSchemaOf(route.response ?? z.undefined()) } } },
      '400': { $ref: '#/components/responses/Invalid' },
      '401': { $ref: '#/components/responses/Unauthenticated' },
      '403': { $ref: '#/components/responses/Forbidden' },
      '404': { $ref: '#/components/responses/NotFound' },
    };
    paths[openApiPath] ??= {};
    paths[openApiPath][route.method] = {
      summary: route.summary,
      tags: [route.tag],
      ...(route.capability ? { 'x-capability': route.capability } : {}),
      parameters,
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(route.body) } } } } : {}),
      responses,
    };
  }
  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
  return {
    openapi: '3.1.0' as const,
    info,
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: jsonSchemaOf(errorAnswer) },
      responses: {
        Invalid: errorResponse('The input is invalid; `fields` says which field and why.'),
        Unauthenticated: errorResponse('No valid sign-in.'),
        Forbidden: errorResponse('The role does not allow this.'),
        NotFound: errorResponse('Not there, or not visible to this member: the two answer alike.'),
      },
    },
  };
}

/** The input side: for a request what the client may send, for an answer what the wire carries. */
function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return jsonSchema;
}
