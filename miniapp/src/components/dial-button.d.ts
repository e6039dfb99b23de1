/**
 * A button that dials a number: Taro.makePhoneCall in WeChat (dial-button.weapp.tsx), a `tel:` link in the browser
 * (dial-button.h5.tsx), which phones open in their dialler. `id` reaches the tappable element on both.
 */
export declare function DialButton(props: { number: string; label: string; id?: string; className?: string }): JSX.Element;
