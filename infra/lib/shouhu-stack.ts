import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { runnableSchedules } from '../../functions/src/jobs/job-bodies.js';
import { ApiFunction } from './api-function.js';
import { ChatFunction } from './chat-function.js';
import { NO_CHAT, type ChatSettings } from './chat-settings.js';
import { DataTable } from './data-table.js';
import { DeadlineSchedules } from './deadline-schedules.js';
import { H5Site } from './h5-site.js';
import { HttpApi } from './http-api.js';
import { JobSchedules } from './job-schedules.js';
import { NO_OUTSIDE_CHANNELS, type OutsideChannelSettings } from './outside-channel-settings.js';
import { ProductEvents } from './product-events.js';
import { SecureParameters } from './secure-parameters.js';

export interface ShouhuStackProps extends StackProps {
  /** The mini-program's AppID (public). */
  readonly wechatAppId: string;
  /** The outside channels' template ids and mini-program state (none: the channels stay off). */
  readonly outsideChannels?: OutsideChannelSettings;
  /** The chat-bot's public ids (none: its callbacks answer 404 until configured). */
  readonly chat?: ChatSettings;
  /** The H5 build to host; without index.html in it, the site is made but nothing is deployed to it. */
  readonly h5Dir: string;
}

/** Composes the constructs; each holds its own settings and grants. */
export class ShouhuStack extends Stack {
  readonly data: DataTable;
  readonly apiFunction: ApiFunction;
  readonly chatFunction: ChatFunction;
  readonly httpApi: HttpApi;
  readonly events: ProductEvents;
  readonly deadlines: DeadlineSchedules;
  readonly jobs: JobSchedules;
  readonly h5Site: H5Site;

  constructor(scope: Construct, id: string, props: ShouhuStackProps) {
    super(scope, id, props);

    this.data = new DataTable(this, 'Data');
    const outsideChannels = props.outsideChannels ?? NO_OUTSIDE_CHANNELS;
    const secrets = new SecureParameters(this, 'Secrets');
    this.apiFunction = new ApiFunction(this, 'ApiFunction', {
      data: this.data,
      secrets,
      wechatAppId: props.wechatAppId,
      outsideChannels,
    });
    const chat = props.chat ?? NO_CHAT;
    this.chatFunction = new ChatFunction(this, 'ChatFunction', { data: this.data, secrets, chat });
    this.httpApi = new HttpApi(this, 'HttpApi', { handler: this.apiFunction.function, chatHandler: this.chatFunction.function });
    this.events = new ProductEvents(this, 'Events', { data: this.data });

    this.deadlines = new DeadlineSchedules(this, 'Deadlines', { bus: this.events.bus });
    this.deadlines.enableFor(this.apiFunction.function);
    for (const consumer of this.events.consumers.consumers) this.deadlines.enableFor(consumer.function);

    this.jobs = new JobSchedules(this, 'Jobs', {
      data: this.data,
      schedules: runnableSchedules(),
      secrets,
      wechatAppId: props.wechatAppId,
      outsideChannels,
      chat,
    });

    this.h5Site = new H5Site(this, 'H5Site', { h5Dir: props.h5Dir, httpApi: this.httpApi });
    this.h5Site.passViewerAddressTo(this.apiFunction.function);
  }
}
