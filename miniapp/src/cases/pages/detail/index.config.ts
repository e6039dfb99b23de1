export default definePageConfig({
  navigationBarTitleText: '疑难个案',
});
