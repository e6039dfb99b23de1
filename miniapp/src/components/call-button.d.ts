/**
 * A tap to call a work phone (issue 7, B7): WeChat's makePhoneCall (call-button.weapp.tsx); a tel: link in the
 * browser (call-button.h5.tsx), which the phone's dialer takes.
 */
export declare function CallButton(props: { phone: string; id?: string; label?: string }): JSX.Element;
