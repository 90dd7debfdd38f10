// Placeholder until this page is built.
import { h } from '../dom.js';
import { register, t } from '../i18n.js';

register({ en: { 'nav.accounts': 'accounts' }, fr: { 'nav.accounts': 'accounts' }, nl: { 'nav.accounts': 'accounts' } });

export default {
  id: 'accounts',
  label: 'nav.accounts',
  roles: [],
  render(main) {
    main.append(h('h2', {}, t('nav.accounts')));
  },
};
