import { CfnOutput, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi as ApiGatewayHttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface HttpApiProps {
  readonly handler: IFunction;
  /** The chat-bot's callbacks under /chat (issue 10). */
  readonly chatHandler?: IFunction;
  /** Stage-wide limits; API Gateway answers 429 beyond them before the function is invoked. */
  readonly throttle?: { readonly rateLimit: number; readonly burstLimit: number };
}

const API_ROUTE_PATH = '/api/{proxy+}';
/** WeChat calls `/chat/wechat` and `/chat/wecom` with GET (URL verification) and POST (messages). */
const CHAT_ROUTE_PATH = '/chat/{proxy+}';

const DEFAULT_THROTTLE = { rateLimit: 50, burstLimit: 100 };

/**
 * What the access log records for each request. No source IP, user agent or query string: those can be personal
 * data, and the application's own audit trail says who did what.
 */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  path: '$context.path',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
};

/** API Gateway v2 HTTP API: every method under /api goes to the one API function; the app routes further. */
export class HttpApi extends Construct {
  readonly api: ApiGatewayHttpApi;
  readonly stage: HttpStage;
  readonly accessLogGroup: LogGroup;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);

    // The stage is made here, not by `createDefaultStage`, because only an explicit stage takes throttling and
    // access-log settings.
    this.api = new ApiGatewayHttpApi(this, 'Api', {
      description: 'Shouhu HTTP API',
      createDefaultStage: false,
    });

    this.api.addRoutes({
      path: API_ROUTE_PATH,
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration('ApiIntegration', props.handler),
    });

    if (props.chatHandler !== undefined) {
      this.api.addRoutes({
        path: CHAT_ROUTE_PATH,
        methods: [HttpMethod.GET, HttpMethod.POST],
        integration: new HttpLambdaIntegration('ChatIntegration', props.chatHandler),
      });
    }

    this.accessLogGroup = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });

    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? DEFAULT_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogGroup),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Authorization is enforced inside the API function on every route: it verifies the signed session ' +
        'token and applies the access policy by role and scope. The login routes must be reachable without a ' +
        'token, and one catch-all route cannot carry a per-route authorizer.',
    });

    new CfnOutput(this, 'Url', { value: this.api.apiEndpoint, description: 'Base URL of the HTTP API' });
  }
}
