export default definePageConfig({
  navigationBarTitleText: '安全教育',
});
