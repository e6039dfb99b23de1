export default definePageConfig({
  navigationBarTitleText: '关爱手册',
});
