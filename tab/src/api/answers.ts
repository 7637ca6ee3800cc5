// The API's answers as the tab receives them, named from the types generated out of /api/openapi.json
// (schema.d.ts, `npm run api:types`): a changed response schema fails the tab's type check.
import type { components, paths } from './schema';

type JsonBody<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
type SuccessStatus = 200 | 201;

/** The JSON body a route answers with on success, e.g. `Answer<'/api/actions'>`. */
export type Answer<
  Path extends keyof paths,
  Method extends 'get' | 'post' | 'put' | 'patch' | 'delete' = 'get',
> = paths[Path][Method] extends {
  responses: infer Responses;
}
  ? JsonBody<Responses[SuccessStatus & keyof Responses]>
  : never;

/** The JSON body a route takes, e.g. `RequestBody<'/api/meetings/{meetingId}/agenda/order', 'put'>`. */
export type RequestBody<Path extends keyof paths, Method extends 'post' | 'put' | 'patch'> = paths[Path][Method] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

/** The body of every refusal (400, 401, 403, 404, 409...). */
export type ApiErrorBody = components['schemas']['Error'];
