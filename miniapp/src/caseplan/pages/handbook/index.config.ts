export default definePageConfig({
  navigationBarTitleText: '发放关爱手册',
});
