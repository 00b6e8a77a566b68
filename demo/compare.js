// The comparison page: the naive widget next to ours (inline mode), on two demo deployments.
new window.NaiveWidget(document.getElementById('naive'), { deploymentId: 'naive-deployment' });
window.chat = GuestChat.init({ deploymentId: 'demo-deployment', websocketUrl: '/v1', apiUrl: '',
  container: '#ours', title: 'Northwind support', endOnPageExit: 'leave' });
