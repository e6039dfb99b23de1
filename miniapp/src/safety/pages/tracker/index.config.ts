export default definePageConfig({
  navigationBarTitleText: '教育进度',
});
