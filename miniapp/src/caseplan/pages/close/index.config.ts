export default definePageConfig({
  navigationBarTitleText: '结案',
});
