// Placeholder until this page is built.
import { h } from '../dom.js';
import { register, t } from '../i18n.js';

register({ en: { 'nav.audit': 'audit' }, fr: { 'nav.audit': 'audit' }, nl: { 'nav.audit': 'audit' } });

export default {
  id: 'audit',
  label: 'nav.audit',
  roles: [],
  render(main) {
    main.append(h('h2', {}, t('nav.audit')));
  },
};
