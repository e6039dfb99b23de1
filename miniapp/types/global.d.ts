/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5';
    /** Origin of the API without /api/v1; empty on H5 means the page's own origin. Defined in .env.[mode]. */
    TARO_APP_API_BASE: string;
  }
}
