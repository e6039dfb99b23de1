// CloudFront Function (viewer request, JavaScript runtime 2.0) for the /api/* behavior. Behind CloudFront the API
// sees an edge server's address; this tells it the viewer's, in a header it sets itself (replacing whatever the
// viewer sent under that name). The API believes the header only on requests that carry the origin's verify header
// (functions/src/api/cloudfront-viewer.ts, which names both headers).
function handler(event) {
  var request = event.request;
  request.headers['x-shouhu-viewer-address'] = { value: event.viewer.ip };
  return request;
}
