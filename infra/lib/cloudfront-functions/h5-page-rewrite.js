// CloudFront Function (viewer request, JavaScript runtime 2.0) for the H5 site's default behavior. A path whose last
// segment has no extension is a page of the app: it gets index.html, as from the local server
// (functions/src/local/static-site.ts). A path that names a file goes to the bucket untouched, so a missing script
// answers 404 instead of index.html with 200, which a browser would try to run as code.
function handler(event) {
  var request = event.request;
  if (!/\/[^/]*\.[^/]+$/.test(request.uri)) request.uri = '/index.html';
  return request;
}
