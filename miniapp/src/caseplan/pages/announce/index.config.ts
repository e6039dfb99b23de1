export default definePageConfig({
  navigationBarTitleText: '告知结案',
});
