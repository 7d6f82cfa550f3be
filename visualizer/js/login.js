// Login page (no inline scripts: the CSP forbids them). Posts username and password with the CSRF token from the
// XSRF-TOKEN cookie; on success opens the page, on failure shows why (wrong password, too many attempts).
(function () {
	const texts = {
		zh: { bad: '用户名或密码错误', tooMany: '登录尝试过于频繁，请一分钟后再试', failed: '登录失败', loggedOut: '已退出登录', expired: '请先登录' },
		en: { bad: 'Wrong username or password', tooMany: 'Too many attempts; try again in a minute', failed: 'Sign-in failed', loggedOut: 'Signed out', expired: 'Please sign in' },
	};
	let lang = localStorage.getItem('dutychain.lang') || 'zh';
	const message = document.getElementById('login-message');

	function csrf() {
		const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
		return m ? decodeURIComponent(m[1]) : '';
	}

	function applyLanguage() {
		document.querySelectorAll('[data-zh]').forEach((el) => { el.textContent = el.dataset[lang]; });
		document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
		document.getElementById('login-lang').textContent = lang === 'zh' ? 'EN' : '中文';
	}

	document.getElementById('login-lang').addEventListener('click', () => {
		lang = lang === 'zh' ? 'en' : 'zh';
		localStorage.setItem('dutychain.lang', lang);
		applyLanguage();
	});

	if (window.location.search.includes('logout')) message.textContent = texts[lang].loggedOut;

	document.getElementById('login-form').addEventListener('submit', async (e) => {
		e.preventDefault();
		message.textContent = '';
		const body = new URLSearchParams();
		body.set('username', document.getElementById('username').value);
		body.set('password', document.getElementById('password').value);
		try {
			const response = await fetch('/login', {
				method: 'POST',
				body,
				credentials: 'same-origin',
				headers: { 'X-XSRF-TOKEN': csrf(), 'X-Requested-With': 'fetch', Accept: 'application/json' },
			});
			if (response.ok) {
				window.location.assign('/');
				return;
			}
			message.textContent = response.status === 429 ? texts[lang].tooMany
				: response.status === 401 ? texts[lang].bad : `${texts[lang].failed} (${response.status})`;
		}
		catch (err) {
			message.textContent = texts[lang].failed;
		}
	});
	applyLanguage();
	// the first request of a session sets the cookie; make sure the hidden field has it for a plain form post
	document.getElementById('csrf').value = csrf();
}());
