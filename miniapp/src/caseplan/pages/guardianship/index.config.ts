export default definePageConfig({
  navigationBarTitleText: '临时监护',
});
