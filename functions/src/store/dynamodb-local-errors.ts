/**
 * Why DynamoDB Local could not start, as one sentence (Chinese, then English) that says what to do. The issue asks
 * that a missing Java, a taken port or an unwritable data folder never end in a Java stack trace.
 */
export abstract class DynamoDbLocalError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export const MINIMUM_JAVA_VERSION = 17;

export class JavaMissingError extends DynamoDbLocalError {
  readonly code = 'JAVA_MISSING';
  constructor() {
    super(
      `未找到 Java：请安装 Java ${MINIMUM_JAVA_VERSION} 或更高版本（例如 apt-get install openjdk-17-jre-headless），并确保 java 命令在 PATH 中。` +
        ` Java not found: install Java ${MINIMUM_JAVA_VERSION} or newer (e.g. apt-get install openjdk-17-jre-headless) and put the java command on PATH.`,
    );
  }
}

export class JavaTooOldError extends DynamoDbLocalError {
  readonly code = 'JAVA_TOO_OLD';
  constructor(readonly foundVersion: string) {
    super(
      `Java 版本过旧（当前为 ${foundVersion}）：DynamoDB Local 需要 Java ${MINIMUM_JAVA_VERSION} 或更高版本，请升级 Java。` +
        ` Java ${foundVersion} is too old: DynamoDB Local needs Java ${MINIMUM_JAVA_VERSION} or newer, please upgrade Java.`,
    );
  }
}

export class PortInUseError extends DynamoDbLocalError {
  readonly code = 'PORT_IN_USE';
  constructor(readonly port: number) {
    super(
      `端口 ${port} 已被占用：请关闭占用该端口的程序，或改用其他端口。` +
        ` Port ${port} is already in use: stop the program that uses it or choose another port.`,
    );
  }
}

export class DataDirNotWritableError extends DynamoDbLocalError {
  readonly code = 'DATA_DIR_NOT_WRITABLE';
  constructor(readonly dataDir: string) {
    super(
      `数据目录 ${dataDir} 无法写入：请检查该目录（及其上级目录）的权限，或换一个可写的目录。` +
        ` The data directory ${dataDir} is not writable: fix the permissions of it (and its parents) or choose a writable directory.`,
    );
  }
}

export class DynamoDbLocalStartError extends DynamoDbLocalError {
  readonly code = 'DYNAMODB_LOCAL_DID_NOT_START';
  constructor(reason: string, output: string) {
    super(
      `DynamoDB Local 未能启动（${reason}）：请查看下面的输出并重试。` +
        ` DynamoDB Local did not start (${reason}): read its output below and try again.` +
        (output ? `\n${output}` : ''),
    );
  }
}
