// Placeholder until this page is built.
import { h } from '../dom.js';
import { register, t } from '../i18n.js';

register({ en: { 'nav.search': 'search' }, fr: { 'nav.search': 'search' }, nl: { 'nav.search': 'search' } });

export default {
  id: 'search',
  label: 'nav.search',
  roles: [],
  render(main) {
    main.append(h('h2', {}, t('nav.search')));
  },
};
