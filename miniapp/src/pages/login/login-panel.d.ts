import type { LoginResult } from '../../api';

/** Implemented per platform: demo accounts on the local H5 (login-panel.h5.tsx), WeChat login (login-panel.weapp.tsx). */
export declare function LoginPanel(props: { onLoggedIn: (result: LoginResult) => void }): JSX.Element;
