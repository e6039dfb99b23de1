import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';

/** A viewer request as a CloudFront Function (JavaScript runtime 2.0) receives it. */
export interface ViewerRequest {
  method: string;
  uri: string;
  querystring: Record<string, { value: string }>;
  headers: Record<string, { value: string }>;
}

export interface ViewerRequestEvent {
  viewer: { ip: string };
  request: ViewerRequest;
}

/**
 * A CloudFront Function's code as deployed (the template carries the file as it is; h5-site.test.ts checks that),
 * run in a sandbox of its own, without Node's globals.
 */
export function loadCloudFrontFunction(file: string): (event: ViewerRequestEvent) => ViewerRequest {
  return runInNewContext(`${readFileSync(file, 'utf8')}\nhandler;`) as (event: ViewerRequestEvent) => ViewerRequest;
}
