export default definePageConfig({
  navigationBarTitleText: '绑定对话',
});
