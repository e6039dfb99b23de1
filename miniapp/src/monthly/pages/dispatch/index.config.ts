export default definePageConfig({
  navigationBarTitleText: '季度简报',
});
