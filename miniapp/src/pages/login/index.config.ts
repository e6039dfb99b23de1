export default definePageConfig({
  navigationBarTitleText: '登录',
  // A brand screen without a title bar; on H5 this also hides the bar's "home" button, which would lead back here.
  navigationStyle: 'custom',
});
