export default definePageConfig({
  navigationBarTitleText: '儿童详情',
});
