/**
 * Puts text on the phone's clipboard; false when it could not (the page then asks the user to write it down).
 * WeChat shows its own 内容已复制 toast; in the browser the page says so itself.
 */
export declare function copyText(text: string): Promise<boolean>;
