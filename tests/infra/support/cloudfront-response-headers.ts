/** A response headers policy's configuration as CloudFormation holds it (AWS::CloudFront::ResponseHeadersPolicy). */
export interface ResponseHeadersPolicyConfig {
  SecurityHeadersConfig?: {
    ContentSecurityPolicy?: { ContentSecurityPolicy: string; Override: boolean };
    ContentTypeOptions?: { Override: boolean };
    FrameOptions?: { FrameOption: string; Override: boolean };
    ReferrerPolicy?: { ReferrerPolicy: string; Override: boolean };
    StrictTransportSecurity?: { AccessControlMaxAgeSec: number; IncludeSubdomains?: boolean; Preload?: boolean; Override: boolean };
    XSSProtection?: { Protection: boolean; ModeBlock?: boolean; ReportUri?: string; Override: boolean };
  };
  CustomHeadersConfig?: { Items: { Header: string; Value: string; Override: boolean }[] };
}

/**
 * The headers CloudFront adds for a policy, by lower-case name, written the way the CloudFront developer guide
 * ("Understand response headers policies") says each security setting is rendered.
 */
export function renderResponseHeaders(config: ResponseHeadersPolicyConfig): Record<string, string> {
  const security = config.SecurityHeadersConfig ?? {};
  const headers: Record<string, string> = {};
  if (security.ContentSecurityPolicy) headers['content-security-policy'] = security.ContentSecurityPolicy.ContentSecurityPolicy;
  if (security.ContentTypeOptions) headers['x-content-type-options'] = 'nosniff';
  if (security.FrameOptions) headers['x-frame-options'] = security.FrameOptions.FrameOption;
  if (security.ReferrerPolicy) headers['referrer-policy'] = security.ReferrerPolicy.ReferrerPolicy;
  const hsts = security.StrictTransportSecurity;
  if (hsts) {
    headers['strict-transport-security'] = [
      `max-age=${hsts.AccessControlMaxAgeSec}`,
      ...(hsts.IncludeSubdomains ? ['includeSubDomains'] : []),
      ...(hsts.Preload ? ['preload'] : []),
    ].join('; ');
  }
  const xss = security.XSSProtection;
  if (xss) {
    headers['x-xss-protection'] = xss.Protection
      ? ['1', ...(xss.ModeBlock ? ['mode=block'] : []), ...(xss.ReportUri ? [`report=${xss.ReportUri}`] : [])].join('; ')
      : '0';
  }
  for (const item of config.CustomHeadersConfig?.Items ?? []) headers[item.Header.toLowerCase()] = item.Value;
  return headers;
}

/** Whether every header of the policy replaces what the origin sends (so an object's metadata cannot weaken it). */
export function overridesEverything(config: ResponseHeadersPolicyConfig): boolean {
  const settings = [...Object.values(config.SecurityHeadersConfig ?? {}), ...(config.CustomHeadersConfig?.Items ?? [])];
  return settings.length > 0 && settings.every((setting) => setting.Override === true);
}

/** A Content-Security-Policy as directive → sources, so spacing and order within the header do not matter. */
export function parseContentSecurityPolicy(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name !== '')
      .map(([name, ...sources]) => [name, sources]),
  );
}
