package fr.misp.backoffice.network;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The medical network in the business schema (table {@code network_establishment}). */
@Repository
public class MedicalNetwork {

  private final JdbcClient jdbc;

  public MedicalNetwork(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Establishment> find(String id) {
    return jdbc.sql("select id, name, country, city from network_establishment where id = ?").param(id)
        .query(Establishment.class).optional();
  }

  /** R-PA-4: the establishment is in the network on that date (its membership period covers it). */
  public boolean inNetworkOn(String id, java.time.LocalDate date) {
    return jdbc.sql("select count(*) from network_establishment where id = ? "
            + "and (in_network_from is null or in_network_from <= ?) and (in_network_until is null or in_network_until >= ?)")
        .params(id, date, date).query(Integer.class).single() > 0;
  }

  /** Records when an establishment joined and left the network (null: open bound). */
  public boolean setMembershipPeriod(String id, java.time.LocalDate from, java.time.LocalDate until) {
    return jdbc.sql("update network_establishment set in_network_from = ?, in_network_until = ? where id = ?")
        .params(from, until, id).update() == 1;
  }

  public List<Establishment> inCountry(String country) {
    return jdbc.sql("select id, name, country, city from network_establishment where country = ? order by name")
        .param(country).query(Establishment.class).list();
  }

  public boolean create(Establishment e) {
    if (find(e.id()).isPresent()) {
      return false;
    }
    jdbc.sql("insert into network_establishment (id, name, country, city) values (?, ?, ?, ?)")
        .params(e.id(), e.name(), e.country(), e.city()).update();
    return true;
  }

  public boolean update(Establishment e) {
    return jdbc.sql("update network_establishment set name = ?, country = ?, city = ? where id = ?")
        .params(e.name(), e.country(), e.city(), e.id()).update() == 1;
  }

  public boolean delete(String id) {
    return jdbc.sql("delete from network_establishment where id = ?").param(id).update() == 1;
  }
}
