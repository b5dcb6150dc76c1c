package fr.misp.backoffice.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The member directory in the business schema (table {@code member}). */
@Repository
public class JdbcMemberDirectory implements MemberDirectory {

  private final JdbcClient jdbc;

  public JdbcMemberDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Member> find(String memberId) {
    return jdbc.sql("select * from member where id = ?").param(memberId).query(JdbcMemberDirectory::map).optional();
  }

  @Override
  public List<Member> byResidence(String countryCode) {
    return jdbc.sql("select * from member where country_of_residence = ? order by id").param(countryCode)
        .query(JdbcMemberDirectory::map).list();
  }

  @Override
  public void save(Member m) {
    int updated = jdbc.sql("""
        update member set name = ?, birth_date = ?, category = ?, country_of_residence = ?, hcs_registered = ?,
        membership_start_date = ?, agency_code = ? where id = ?""")
        .params(m.name(), m.birthDate(), m.category(), m.countryOfResidence(), m.hcsRegistered(),
            m.membershipStartDate(), m.agencyCode(), m.id()).update();
    if (updated == 0) {
      jdbc.sql("""
          insert into member (id, name, birth_date, category, country_of_residence, hcs_registered,
          membership_start_date, agency_code) values (?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(m.id(), m.name(), m.birthDate(), m.category(), m.countryOfResidence(), m.hcsRegistered(),
              m.membershipStartDate(), m.agencyCode()).update();
    }
  }

  @Override
  public void setHcsRegistered(String memberId, boolean registered) {
    jdbc.sql("update member set hcs_registered = ? where id = ?").params(registered, memberId).update();
  }

  private static Member map(ResultSet rs, int row) throws SQLException {
    return new Member(rs.getString("id"), rs.getString("name"), rs.getDate("birth_date").toLocalDate(),
        rs.getString("category"), rs.getString("country_of_residence"), rs.getBoolean("hcs_registered"),
        rs.getDate("membership_start_date").toLocalDate(), rs.getString("agency_code"));
  }
}
