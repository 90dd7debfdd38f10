// Placeholder until this page is built.
import { h } from '../dom.js';
import { register, t } from '../i18n.js';

register({ en: { 'nav.hotlist': 'hotlist' }, fr: { 'nav.hotlist': 'hotlist' }, nl: { 'nav.hotlist': 'hotlist' } });

export default {
  id: 'hotlist',
  label: 'nav.hotlist',
  roles: [],
  render(main) {
    main.append(h('h2', {}, t('nav.hotlist')));
  },
};
