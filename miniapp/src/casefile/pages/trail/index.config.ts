export default definePageConfig({
  // Taro's H5 title bar cuts titles past ~5 characters.
  navigationBarTitleText: '查看记录',
});
